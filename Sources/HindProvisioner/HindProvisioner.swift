// Provisioner.
