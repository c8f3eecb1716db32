"""Platform-neutral core of the SVO|PL social media protocol bot."""
