"""The good-practice portfolio's pages, forms, rules and workflows (models in ``partnership.models.practices``)."""
