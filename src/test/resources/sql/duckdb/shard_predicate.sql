COALESCE(CAST('0x' || substr(md5((CAST("m"."id" AS VARCHAR) || chr(31) || CAST("m"."say ""hi""" AS VARCHAR))), 1, 8) AS BIGINT) % 8, 0) = 2
