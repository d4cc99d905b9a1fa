"""What NSS looks like and where it lives: the page catalogue (``catalogue.yaml`` and its model)
and the origins the tool trusts. The one home of site knowledge: a caption change is one edit
in ``catalogue.yaml``, never code."""
