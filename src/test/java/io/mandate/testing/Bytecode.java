package io.mandate.testing;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

import java.util.Set;
import java.util.TreeSet;

/** What a compiled class refers to, read from its class file (what bnd reads to compute Import-Package). */
public final class Bytecode {

    private Bytecode() {
    }

    /**
     * The packages of every type a class file mentions — in signatures, bodies, annotations and constants — found by
     * renaming every type through ASM; the default package is the empty string.
     */
    public static Set<String> referencedPackages(byte[] classFile) {
        Set<String> packages = new TreeSet<>();
        Remapper collector = new Remapper() {
            @Override
            public String map(String internalName) {
                int slash = internalName.lastIndexOf('/');
                packages.add(slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.'));
                return internalName;
            }
        };
        new ClassReader(classFile).accept(new ClassRemapper(new ClassWriter(0), collector), 0);
        return packages;
    }
}
