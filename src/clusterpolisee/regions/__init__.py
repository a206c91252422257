"""Region profiles: a NUTS 2 region's smart-specialisation priorities, strategy, managing
authority, what the repository holds about it, its consultation answers and its peer regions."""
