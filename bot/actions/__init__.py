"""Custom actions for the intake bot.

The action server imports every module in this package. The actions reach the intake
service only over HTTP (see ``intake_client``), never by importing the Flask app, because
Rasa 3.6 lives in its own Python 3.10 environment with its own pinned libraries.
"""
