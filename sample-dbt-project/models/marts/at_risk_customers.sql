-- Customers who stopped ordering but still talk to support: no order in the 30 days before
-- var('as_of'), at least one support ticket opened in that window.
-- Everything is measured against as_of, never now(), so a rebuild gives the same rows;
-- rows dated on or after as_of are ignored.

with bounds as (

    select
        timestamp '{{ var("as_of") }}' - interval 30 day as window_start,
        timestamp '{{ var("as_of") }}' as window_end

),

order_history as (

    select
        orders.customer_id,
        max(orders.ordered_at) as last_order_at,
        sum(orders.amount) as lifetime_value,
        count(*) filter (where orders.ordered_at >= bounds.window_start) as orders_in_window
    from {{ ref('stg_orders') }} as orders
    cross join bounds
    where orders.ordered_at < bounds.window_end
    group by orders.customer_id

),

tickets_in_window as (

    select
        tickets.customer_id,
        count(*) as open_tickets
    from {{ ref('stg_support_tickets') }} as tickets
    cross join bounds
    where tickets.opened_at >= bounds.window_start
      and tickets.opened_at < bounds.window_end
    group by tickets.customer_id

)

select
    cast(customers.customer_id as integer) as customer_id,
    cast(customers.email as varchar) as email,
    cast(customers.first_name as varchar) as first_name,
    cast(customers.last_name as varchar) as last_name,
    cast(order_history.last_order_at as timestamp) as last_order_at,
    cast(tickets_in_window.open_tickets as integer) as open_tickets,
    cast(coalesce(order_history.lifetime_value, 0) as decimal(12, 2)) as lifetime_value
from {{ ref('stg_customers') }} as customers
inner join tickets_in_window
    on tickets_in_window.customer_id = customers.customer_id
left join order_history
    on order_history.customer_id = customers.customer_id
where coalesce(order_history.orders_in_window, 0) = 0
