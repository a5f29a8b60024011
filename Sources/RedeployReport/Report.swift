// Placeholder until the report writer lands.
