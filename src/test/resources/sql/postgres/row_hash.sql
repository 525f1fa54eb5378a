CAST(hashtextextended('spoke:v1:it''s' || CAST(ROW("m"."id", "m"."first name", "m"."say ""hi""", "m"."CamelCase") AS text), 0) AS text)
