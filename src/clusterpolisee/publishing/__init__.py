"""From a working group to the public: proposing makes the public item, the STC validates it,
the group hears of it, and the published item shows how it got there."""
