from . import twilio_gateway
