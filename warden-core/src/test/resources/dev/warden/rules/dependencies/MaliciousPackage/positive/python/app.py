import reqeusts
