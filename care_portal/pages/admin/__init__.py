"""Administration: users, outgoing mail, catalogue, cancellations, beneficiaries and managers."""
