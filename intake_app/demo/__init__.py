"""Demo data for the embedded default (``flask demo load``): wording (``texts``), records
submitted through ``submit`` (``records``), and their later history replayed through the
casework, deadline, case-status and forwarding services (``history``) with a clock stopped
at each step, so the demo holds only states the service itself can reach."""
