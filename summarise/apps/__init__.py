"""The ways in: the web app (``apps.web``), the command line (``apps.cli``) and batch jobs
(``apps.batch``, locally or on Ray). Each takes people's input, hands it to
:class:`~summarise.document.Document` and shows what comes back."""
