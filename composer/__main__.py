"""`python -m composer` is the `composer` console script."""

from composer.cli import main

if __name__ == "__main__":
    main()
