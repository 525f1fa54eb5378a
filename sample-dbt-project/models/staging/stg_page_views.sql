-- Anonymous visits carry no email; lower() lets a visit match its lead whatever case the form used.
select
    view_id,
    lower(lead_email) as lead_email,
    page,
    viewed_at
from {{ ref('page_views') }}
