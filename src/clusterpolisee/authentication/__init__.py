"""Levels of security in authentication: a second factor (TOTP), single sign-on through OpenID
Connect, a lock after repeated wrong passwords, equal answers for known and unknown accounts,
and session cookies that end after an idle time."""
