"""Service standards registry (UU 25/2009, PermenPANRB 15/2014)."""
