"""Use-cases that touch the database. Services own transactions: they commit or roll back;
views and domain code never do."""
