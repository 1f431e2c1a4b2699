"""Validation rules, their configuration and the reports they produce."""
