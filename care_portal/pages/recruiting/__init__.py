"""Recruiting: public job offers, the candidate's application, and the recruiter's pages."""
