"""Readers: bytes or text in, :class:`~pressrelease.model.PressRelease` records out."""
