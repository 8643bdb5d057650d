"""Peers and process helpers shared by the tests and the benchmarks: a stand-in for Rasa's
REST channel and Twilio's request signing (Twilio's cloud is unreachable here), and the
real bot's processes started on free 127.0.0.1 ports. Not part of the shipped app."""
