"""The applicant profile: the YAML document (``document``), the Japanese value rules
(``values``), the model (``model``), the whole-document checks (``checks``), the 業種 table
(``industries``), the Cyber Port dates (``deadlines``) and the commented template.

Example::

    >>> profile = load_profile(Path("profiles/example.yaml"))
    >>> profile.user_codes[0].code
    'ABCDE'
"""

from .document import Problem, ProfileError
from .model import Profile, japan_today, load_profile, parse_profile

__all__ = ["Problem", "Profile", "ProfileError", "japan_today", "load_profile", "parse_profile"]
