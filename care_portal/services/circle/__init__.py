"""The family circle of a beneficiary: invitations, members and what members read.

Commands and reads live apart (``invitations``, ``members``, ``views``); the read rule
itself is in ``services.care_access`` (``load_readable``).
"""
