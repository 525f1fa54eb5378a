(CAST("m"."id" AS text) || chr(31) || CAST("m"."say ""hi""" AS text))
