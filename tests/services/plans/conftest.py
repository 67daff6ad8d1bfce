"""The plans fixtures (defined with their helpers in ``helpers``)."""

from tests.services.plans.helpers import family, stripe_provider, stub  # noqa: F401
