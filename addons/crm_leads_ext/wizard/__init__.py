from . import crm_lead_to_opportunity
