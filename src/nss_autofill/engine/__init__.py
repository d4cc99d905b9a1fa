"""Reading and acting on one page: recognition, locating, planning, filling, the guard (the one
place that clicks), the overlay and the confirmation audit. Knows no run loop and no command."""
