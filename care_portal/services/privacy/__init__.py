"""Data-protection services: rights requests, the data export, erasure and blocking.

``rights`` records requests and the admin queue, ``export`` builds «Descargar
mis datos», ``erasure`` closes accounts and erases beneficiaries (blocking what
the law requires to keep).
"""
