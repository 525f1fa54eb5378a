-- One row per lead submitted before var('as_of'): how many pages the lead viewed before
-- submitting the form, and a score from those pages plus a bonus for warm sources.
-- A view at the very second of submission is the form itself and does not count.

with leads as (

    select *
    from {{ ref('stg_leads') }}
    where submitted_at < timestamp '{{ var("as_of") }}'

),

weighted_views as (

    select
        view_id,
        lead_email,
        viewed_at,
        case
            when page = '/demo' then 15
            when page = '/pricing' then 10
            when page like '/case-studies/%' then 5
            when page like '/docs/%' then 3
            else 1
        end as weight
    from {{ ref('stg_page_views') }}
    where lead_email is not null

),

views_before_submission as (

    select
        leads.lead_id,
        count(weighted_views.view_id) as pages_viewed,
        coalesce(sum(weighted_views.weight), 0) as page_points
    from leads
    left join weighted_views
        on weighted_views.lead_email = leads.email
        and weighted_views.viewed_at < leads.submitted_at
    group by leads.lead_id

)

select
    cast(leads.lead_id as integer) as lead_id,
    cast(leads.email as varchar) as email,
    cast(views.pages_viewed as integer) as pages_viewed,
    cast(
        views.page_points
        + case leads.source when 'referral' then 20 when 'webinar' then 10 else 0 end
        as integer
    ) as score,
    cast(leads.submitted_at as timestamp) as submitted_at
from leads
inner join views_before_submission as views
    on views.lead_id = leads.lead_id
