"""The applicant profile: the YAML document (``document``), the rule of each kind of value
(``values``), the checks on any text (``text_checks``), the section models (``model``), the
wording of their errors (``model_errors``), the whole-document checks (``checks``), reading and
validating a file (``loading``), the 業種 table (``industries``), the Cyber Port dates
(``deadlines``) and the commented template.

Example::

    >>> profile = load_profile(Path("profiles/example.yaml"))
    >>> profile.user_codes[0].code
    'ABCDE'
"""

from .document import Problem, ProfileError
from .loading import japan_today, load_profile, parse_profile
from .model import Profile

__all__ = ["Problem", "Profile", "ProfileError", "japan_today", "load_profile", "parse_profile"]
