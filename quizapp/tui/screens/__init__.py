"""One module per screen; screens render what the domain packages return."""
