select
    ticket_id,
    customer_id,
    opened_at,
    subject,
    lower(priority) as priority
from {{ ref('support_tickets') }}
