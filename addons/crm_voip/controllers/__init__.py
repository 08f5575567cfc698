from . import main
from . import softphone
