"""One module per artifact family; the module name is the rule id."""
