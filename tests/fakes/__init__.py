"""Loopback stand-ins for the chat platforms, and the wiring to run the real bot against them."""
