"""Care plan pages: contracting a plan, its simulated monthly payment, and the plans in «Proyectos»."""
