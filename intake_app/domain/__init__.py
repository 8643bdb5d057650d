"""Pure domain logic: no Flask, no database, no network, so it is easy to test and fuzz."""
