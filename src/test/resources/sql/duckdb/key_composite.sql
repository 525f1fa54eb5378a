(CAST("m"."id" AS VARCHAR) || chr(31) || CAST("m"."say ""hi""" AS VARCHAR))
