"""The Twilio SMS webhook: the conversation gateway's public door for text messages."""
