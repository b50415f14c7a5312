"""Helpers shared by the tests: local servers, sample catalogs and pages, site builds."""
