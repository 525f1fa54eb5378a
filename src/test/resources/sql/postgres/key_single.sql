CAST("Order Id" AS text)
