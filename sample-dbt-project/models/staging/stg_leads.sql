select
    lead_id,
    lower(email) as email,
    submitted_at,
    source
from {{ ref('leads') }}
