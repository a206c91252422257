"""Matchmaking: practices from other regions suggested for a region's needs, and the interests
members express in practices and cooperation requests."""
