COALESCE(CAST(CAST('x' || substr(md5((CAST("m"."id" AS text) || chr(31) || CAST("m"."say ""hi""" AS text))), 1, 8) AS bit(32)) AS bigint) % 8, 0) = 2
