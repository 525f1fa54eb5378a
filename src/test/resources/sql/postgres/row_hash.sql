md5('spoke:v1:it''s' || CAST(ROW("m"."id", "m"."first name", "m"."say ""hi""", "m"."CamelCase") AS text))
