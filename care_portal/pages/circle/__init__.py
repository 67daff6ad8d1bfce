"""The family circle: invitations, the shared project, the conversations with the team."""
