SELECT "id", "first name", "say ""hi""", "CamelCase" FROM "Analytics DB"."Mixed Case"."order"
