"""nss-autofill: prefill the NACCS NSS application wizard for a Cyber Port 利用者ID.

The tool fills forms; a human presses every consent and final-submit button.
"""

__version__ = "0.1.0"
